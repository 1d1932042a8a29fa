package io.qunbao.generator;

import java.util.List;
import java.util.SplittableRandom;

/** Small random draws the simulation repeats everywhere. */
final class Draw {
  private Draw() {}

  static boolean chance(SplittableRandom random, double probability) {
    return random.nextDouble() < probability;
  }

  /** Relative weights of a few choices (hours of the day, message types), kept cumulative for a fast draw. */
  static final class Weights {
    private final double[] cumulative;

    Weights(double... weights) {
      cumulative = new double[weights.length];
      double total = 0;
      for (double w : weights) {
        total += w;
      }
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i];
        cumulative[i] = sum / total;
      }
    }

    /** An index, each drawn in proportion to its weight. */
    int draw(SplittableRandom random) {
      double x = random.nextDouble();
      int i = 0;
      while (i < cumulative.length - 1 && x >= cumulative[i]) {
        i++;
      }
      return i;
    }
  }

  static <T> T oneOf(List<T> items, SplittableRandom random) {
    return items.get(random.nextInt(items.size()));
  }

  @SafeVarargs
  static <T> T oneOf(SplittableRandom random, T... items) {
    return items[random.nextInt(items.length)];
  }

  /**
   * A count whose mean is {@code mean}: Poisson for small means, a normal approximation above 50
   * (fast enough for benchmark-sized means, and never negative).
   */
  static int count(double mean, SplittableRandom random) {
    if (mean <= 0) {
      return 0;
    }
    if (mean > 50) {
      double normal = mean + Math.sqrt(mean) * gaussian(random);
      return (int) Math.max(0, Math.round(normal));
    }
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    int n = 0;
    while (product > limit) {
      product *= random.nextDouble();
      n++;
    }
    return n;
  }

  /** Seconds to wait for an event that happens on average every {@code meanSeconds}. */
  static long exponentialSeconds(double meanSeconds, SplittableRandom random) {
    return (long) (-meanSeconds * Math.log(1 - random.nextDouble()));
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller: SplittableRandom has no nextGaussian on Java 17
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
