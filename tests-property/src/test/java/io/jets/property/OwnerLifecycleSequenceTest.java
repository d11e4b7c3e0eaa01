package io.jets.property;

import static org.junit.jupiter.api.Assertions.fail;

import io.jets.owner.Owner;
import io.jets.owner.OwnerScope;
import io.jets.table.Table;
import io.jets.table.TableDeletedException;
import io.jets.table.TableTransfer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random owner lifecycles: tables are created by {@link OwnerScope}s (with or without an
 * heir), written by their owner, given away, given heirs, and their owners exit. A plain model says
 * who owns each table, whether it still lives, and which transfer messages each owner gets; the
 * real tables must agree after every step. Failures name the seed and are shrunk.
 */
class OwnerLifecycleSequenceTest {

  private static final int SEQUENCES = 6;
  private static final int OPERATIONS = 600;

  /** Owner slots; an exited owner's slot gets a fresh scope. */
  private static final int OWNERS = 3;

  private static final List<TableConfig> CONFIGS = TableConfig.all();

  enum Kind {
    CREATE,
    INSERT,
    GIVE_AWAY,
    SET_HEIR,
    EXIT
  }

  /** One step: kind, a table index (mod live count), two owner slots, and a configuration index. */
  record Step(Kind kind, int table, int owner, int other, int config) {
    @Override
    public String toString() {
      return kind
          + "(table#"
          + table
          + ", owner "
          + owner
          + ", other "
          + other
          + ", "
          + CONFIGS.get(config)
          + ")";
    }
  }

  @Test
  void randomLifecyclesAgreeWithTheModel() {
    for (long seed : Seeds.seeds(7, SEQUENCES * Budget.depth())) {
      Random random = new Random(seed);
      List<Step> steps = new ArrayList<>();
      for (int i = 0; i < OPERATIONS * Budget.depth(); i++) {
        int roll = random.nextInt(100);
        Kind kind =
            roll < 25
                ? Kind.CREATE
                : roll < 55
                    ? Kind.INSERT
                    : roll < 70 ? Kind.GIVE_AWAY : roll < 85 ? Kind.SET_HEIR : Kind.EXIT;
        steps.add(
            new Step(
                kind,
                random.nextInt(1_000),
                random.nextInt(OWNERS),
                random.nextInt(OWNERS + 1),
                random.nextInt(CONFIGS.size())));
      }
      String failure = run(steps);
      if (failure != null) {
        List<Step> shrunk = Shrinker.shrink(steps, candidate -> run(candidate) != null);
        fail(
            "seed="
                + seed
                + " (replay: -Djets.property.seed="
                + seed
                + "): "
                + failure
                + "\nshrunk from "
                + steps.size()
                + " to "
                + shrunk.size()
                + " steps: "
                + shrunk
                + "\nshrunk failure: "
                + run(shrunk));
      }
    }
  }

  /** What the model expects of one table. */
  private static final class Expected {
    final Table<Integer, Integer> table;
    OwnerScope owner;
    OwnerScope heir; // may have exited: then there is no heir in effect
    Object heirData;
    boolean deleted;
    boolean checkedGone; // a deleted table is checked once, so checks stay linear in live tables
    int objects;

    Expected(Table<Integer, Integer> table, OwnerScope owner) {
      this.table = table;
      this.owner = owner;
    }
  }

  /** Runs steps with fresh owners; the first disagreement, or null. */
  static String run(List<Step> steps) {
    OwnerScope[] owners = new OwnerScope[OWNERS];
    List<OwnerScope> all = new ArrayList<>();
    for (int i = 0; i < OWNERS; i++) {
      owners[i] = OwnerScope.open("lifecycle-" + i);
      all.add(owners[i]);
    }
    List<Expected> tables = new ArrayList<>();
    Map<OwnerScope, List<Object>> messages = new HashMap<>();
    try {
      for (int i = 0; i < steps.size(); i++) {
        Step step = steps.get(i);
        List<Expected> live = tables.stream().filter(t -> !t.deleted).toList();
        OwnerScope actor = owners[step.owner()];
        try {
          switch (step.kind()) {
            case CREATE -> {
              TableConfig config = CONFIGS.get(step.config());
              Table<Integer, Integer> table;
              try (Owner.Binding bound = actor.bind()) {
                table = config.build("lifecycle");
              }
              Expected expected = new Expected(table, actor);
              if (step.other() < OWNERS) {
                try (Owner.Binding bound = actor.bind()) {
                  table.setHeir(owners[step.other()], "heir-" + i);
                }
                expected.heir = owners[step.other()];
                expected.heirData = "heir-" + i;
              }
              tables.add(expected);
            }
            case INSERT -> {
              if (live.isEmpty()) {
                continue;
              }
              Expected t = live.get(step.table() % live.size());
              try (Owner.Binding bound = t.owner.bind()) {
                t.table.insert(t.objects, i);
              }
              t.objects++;
            }
            case GIVE_AWAY -> {
              if (live.isEmpty()) {
                continue;
              }
              Expected t = live.get(step.table() % live.size());
              OwnerScope receiver = owners[step.other() % OWNERS];
              if (receiver == t.owner) {
                continue; // giving to oneself is a bad argument, as in ETS
              }
              try (Owner.Binding bound = t.owner.bind()) {
                t.table.giveAway(receiver, "gift-" + i);
              }
              messages
                  .computeIfAbsent(receiver, o -> new ArrayList<>())
                  .add(new TableTransfer(t.table, t.owner, "gift-" + i));
              t.owner = receiver;
            }
            case SET_HEIR -> {
              if (live.isEmpty()) {
                continue;
              }
              Expected t = live.get(step.table() % live.size());
              try (Owner.Binding bound = t.owner.bind()) {
                if (step.other() == OWNERS) {
                  t.table.clearHeir();
                  t.heir = null;
                } else {
                  t.table.setHeir(owners[step.other()], "heir-" + i);
                  t.heir = owners[step.other()];
                  t.heirData = "heir-" + i;
                }
              }
            }
            case EXIT -> {
              OwnerScope exiting = owners[step.owner()];
              exiting.close();
              for (Expected t : live) {
                if (t.owner != exiting) {
                  continue;
                }
                if (t.heir != null && t.heir.isAlive() && t.heir != exiting) {
                  messages
                      .computeIfAbsent(t.heir, o -> new ArrayList<>())
                      .add(new TableTransfer(t.table, exiting, t.heirData));
                  t.owner = t.heir;
                } else {
                  t.deleted = true;
                }
              }
              messages.remove(exiting);
              owners[step.owner()] = OwnerScope.open("lifecycle-" + step.owner() + "-" + i);
              all.add(owners[step.owner()]);
            }
          }
        } catch (RuntimeException e) {
          return "step " + i + " " + step + " threw " + e;
        }
        String disagreement = check(tables, owners, messages);
        if (disagreement != null) {
          return "after step " + i + " " + step + ": " + disagreement;
        }
      }
      return null;
    } finally {
      for (OwnerScope owner : all) {
        owner.close();
      }
    }
  }

  private static List<Object> sorted(List<Object> messages) {
    List<Object> copy = new ArrayList<>(messages);
    copy.sort(java.util.Comparator.comparing(m -> ((TableTransfer) m).table().name()));
    return copy;
  }

  private static String check(
      List<Expected> tables, OwnerScope[] owners, Map<OwnerScope, List<Object>> messages) {
    for (Expected t : tables) {
      if (t.checkedGone) {
        continue;
      }
      if (t.table.isDeleted() != t.deleted) {
        return t.table.name() + " deleted=" + t.table.isDeleted() + ", the model " + t.deleted;
      }
      if (t.deleted) {
        try {
          t.table.lookup(0);
          return t.table.name() + " answered a lookup after deletion";
        } catch (TableDeletedException expected) {
          t.checkedGone = true;
          continue;
        }
      }
      if (t.table.owner() != t.owner) {
        return t.table.name()
            + " is owned by "
            + t.table.owner().name()
            + ", the model says "
            + t.owner.name();
      }
      if (t.table.size() != t.objects) {
        return t.table.name() + " holds " + t.table.size() + " objects, the model " + t.objects;
      }
    }
    for (OwnerScope owner : owners) {
      // one exit may hand several tables to one heir; the contract orders none of them
      List<Object> got = sorted(owner.drain());
      List<Object> expected = sorted(messages.getOrDefault(owner, List.of()));
      if (!Objects.equals(expected, got)) {
        return owner.name() + " received " + got + ", the model expects " + expected;
      }
      messages.remove(owner);
    }
    return null;
  }
}
