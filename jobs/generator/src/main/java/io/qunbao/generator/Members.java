package io.qunbao.generator;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The customers present in a group right now: O(1) add, remove, membership test and random pick. */
final class Members {
  private int[] items = new int[16];
  private int size;
  private final Map<Integer, Integer> positions = new HashMap<>();

  boolean add(int customer) {
    if (positions.containsKey(customer)) {
      return false;
    }
    if (size == items.length) {
      items = Arrays.copyOf(items, size * 2);
    }
    positions.put(customer, size);
    items[size++] = customer;
    return true;
  }

  boolean remove(int customer) {
    Integer at = positions.remove(customer);
    if (at == null) {
      return false;
    }
    int last = items[--size];
    if (at != size) {
      items[at] = last;
      positions.put(last, at);
    }
    return true;
  }

  boolean contains(int customer) {
    return positions.containsKey(customer);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int any(SplittableRandom random) {
    return items[random.nextInt(size)];
  }

  /** A member drawn by talk weight (rejection sampling; a lurker only when no one else is drawn). */
  int speaker(Customers customers, SplittableRandom random) {
    int candidate = any(random);
    for (int attempt = 0; attempt < 24; attempt++) {
      if (random.nextInt(Customers.MAX_TALK_WEIGHT) < customers.talkWeight(candidate)) {
        return candidate;
      }
      candidate = any(random);
    }
    return candidate;
  }
}
