package io.jets.process;

import static io.jets.process.LinkMonitorTest.idle;
import static io.jets.process.ProcTest.LONG;
import static io.jets.process.ProcTest.exitOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jets.owner.ExitReason;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Unique names: registration, addressing by name, release on exit. */
class RegistryTest {

  record ServiceName(String service, int shard) {}

  @Test
  void anyValueObjectIsANameAndAddressesItsProcess() throws Exception {
    ServiceName name = new ServiceName("cache", 1);
    Proc proc =
        Procs.spawn(
            "named",
            me -> {
              Call call = (Call) me.receive();
              call.replyTo().reply("pong");
            });
    Registry.register(name, proc);
    assertSame(proc, Registry.whereis(new ServiceName("cache", 1)).orElseThrow());
    assertEquals(Optional.of(name), proc.registeredName());
    assertEquals("pong", Registry.call(name, "ping", LONG));
    exitOf(proc);
  }

  @Test
  void nameIsUniqueAndReleasedWhenItsProcessExits() throws Exception {
    Proc first = idle("first");
    Registry.register("unique", first);
    Proc second = idle("second");
    NameInUseException taken =
        assertThrows(NameInUseException.class, () -> Registry.register("unique", second));
    assertTrue(
        taken.getMessage().contains("unique") && taken.getMessage().contains("first"),
        taken.getMessage());
    first.exit(ExitReason.KILL);
    exitOf(first);
    assertTrue(Registry.whereis("unique").isEmpty());
    assertFalse(Registry.registered().containsKey("unique"));
    assertThrows(NoProcessException.class, () -> Registry.call("unique", "x", LONG));
    assertFalse(Registry.send("unique", "x"));
    Registry.register("unique", second);
    assertSame(second, Registry.lookup("unique"));
    assertTrue(Registry.unregister("unique"));
    assertTrue(Registry.whereis("unique").isEmpty());
    assertTrue(second.registeredName().isEmpty());
    second.exit(ExitReason.KILL);
    exitOf(second);
  }

  @Test
  void aProcessHoldsOneNameAndAnExitedProcessNone() throws Exception {
    Proc proc = idle("one-name");
    Registry.register("name-1", proc);
    BadProcessArgumentException twice =
        assertThrows(BadProcessArgumentException.class, () -> Registry.register("name-2", proc));
    assertEquals("proc", twice.argument());
    assertTrue(twice.getMessage().contains("name-1"), twice.getMessage());
    assertTrue(Registry.whereis("name-2").isEmpty());
    assertEquals(Optional.of("name-1"), proc.registeredName());
    proc.exit(ExitReason.KILL);
    exitOf(proc);
    assertThrows(NoProcessException.class, () -> Registry.register("name-3", proc));
    assertTrue(Registry.whereis("name-3").isEmpty());
  }

  @Test
  void builderRegistersBeforeTheProcessRunsAndRefusesATakenName() throws Exception {
    Proc holder = Proc.builder("holder").register("builder-name").spawn(me -> me.receive());
    assertSame(holder, Registry.lookup("builder-name"));
    assertThrows(
        NameInUseException.class,
        () -> Proc.builder("loser").register("builder-name").spawn(me -> {}));
    holder.send("stop");
    exitOf(holder);
    assertTrue(Registry.whereis("builder-name").isEmpty());
  }
}
