package io.qunbao.generator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every customer the simulation has met, by index. Most members of a group never speak and a few
 * speak a lot: each customer gets a talk weight once, and speakers are drawn by it.
 */
final class Customers {
  /** Talk weights: lurkers (never speak), ordinary, active, chatty. */
  private static final int[] TALK_WEIGHTS = {0, 1, 5, 20};
  private static final Draw.Weights TALK_SHARES = new Draw.Weights(0.45, 0.35, 0.15, 0.05);
  static final int MAX_TALK_WEIGHT = 20;

  private final List<String> ids = new ArrayList<>();
  private byte[] talkClass = new byte[1024];

  /** A new customer; returns its index. */
  int add(SplittableRandom random) {
    int index = ids.size();
    ids.add(String.format("u%07d", index + 1));
    if (index == talkClass.length) {
      talkClass = Arrays.copyOf(talkClass, index * 2);
    }
    talkClass[index] = (byte) TALK_SHARES.draw(random);
    return index;
  }

  String id(int customer) {
    return ids.get(customer);
  }

  int talkWeight(int customer) {
    return TALK_WEIGHTS[talkClass[customer]];
  }

  int size() {
    return ids.size();
  }

  /** Any customer met so far (there is at least one once the world is built). */
  int any(SplittableRandom random) {
    return random.nextInt(ids.size());
  }
}
