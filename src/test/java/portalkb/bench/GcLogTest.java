package portalkb.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GcLogTest {

    @Test
    void thePeaksAreTheLargestHeapBeforeAndAfterAnyCollection() {
        GcLog log = GcLog.of(List.of(
            "[0.051s][info][gc] Using Serial",
            "[4.290s][info][gc] GC(0) Pause Young (Allocation Failure) 18M->4M(61M) 101.715ms",
            "[6.688s][info][gc] GC(3) Pause Full (Allocation Failure) 46M->15M(61M) 17.716ms",
            "[6.801s][info][gc] GC(11) Pause Young (Allocation Failure) 36M->22M(61M) 0.453ms",
            "[7.000s][info][gc] GC(12) Pause Young (Allocation Failure) 900K->512K(1G) 0.1ms"));
        assertEquals(46L << 20, log.usedMaxBytes());
        assertEquals(22L << 20, log.liveMaxBytes());
        assertEquals(4, log.collections());
    }

    @Test
    void aJvmThatNeverCollectedLogsNoPeak() {
        assertEquals(GcLog.NONE, GcLog.of(List.of("[0.051s][info][gc] Using Serial")));
    }

    @Test
    void gigabytesCount() {
        assertEquals(2L << 30, GcLog.of(List.of("GC(1) Pause Full (System.gc()) 2G->1G(4G) 3.0ms")).usedMaxBytes());
    }
}
