import fs from 'node:fs';

/** Resident memory of a process from /proc (MiB): current (VmRSS) and peak so far (VmHWM). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

/** Samples VmRSS every `ms` and keeps the largest value seen. */
export function sampleRss(pid: number, ms = 100): { stop: () => number } {
  let max = 0;
  const read = () => {
    try {
      max = Math.max(max, memoryOf(pid).rssMb);
    } catch {
      /* the process is gone */
    }
  };
  read();
  const timer = setInterval(read, ms);
  return {
    stop: () => {
      clearInterval(timer);
      read();
      return max;
    },
  };
}
