import { parseEnvList } from '../../bench/comparisons';
import { cpuMs, peakMemoryMiB } from '../../bench/measure';

// The bench's CPU per request is read from /proc/<pid>/stat: it must be this process's own user + system time.
describe('bench measurements', () => {
  it('reads a process CPU time as the kernel counts it (the same as process.cpuUsage)', () => {
    const procBefore = cpuMs(process.pid);
    const usageBefore = process.cpuUsage();
    const spentSince = () => {
      const usage = process.cpuUsage(usageBefore);
      return (usage.user + usage.system) / 1000;
    };
    let spin = 0;
    // Until 300 ms of CPU are spent, however long a busy machine takes to give them.
    while (spentSince() < 300) for (let i = 0; i < 10_000; i += 1) spin += Math.sqrt(spin + i);
    const procSpent = cpuMs(process.pid) - procBefore;
    const usageSpent = spentSince();
    expect(spin).toBeGreaterThan(0);
    // /proc counts in clock ticks (10 ms): two ticks of rounding at each end, nothing more.
    expect(Math.abs(procSpent - usageSpent)).toBeLessThanOrEqual(40);
  });

  it('reads the peak resident memory', () => {
    expect(peakMemoryMiB(process.pid)).toBeGreaterThanOrEqual(process.memoryUsage().rss / 2 ** 20 - 1);
  });

  it('parses the cache switch given to a hub variant', () => {
    expect(parseEnvList('PUBLIC_CACHE=off')).toEqual({ PUBLIC_CACHE: 'off' });
    expect(parseEnvList('A=1, B=x=y')).toEqual({ A: '1', B: 'x=y' });
    expect(parseEnvList(undefined)).toBeUndefined();
    expect(() => parseEnvList('PUBLIC_CACHE')).toThrow(/NAME=value/);
  });
});
