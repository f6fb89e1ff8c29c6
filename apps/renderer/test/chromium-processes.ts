import { readdirSync, readFileSync } from 'node:fs';

// The pool keeps its browser to itself; the tests find Chromium the way an
// operator would, in /proc (Linux), and kill the real process: that is the crash to survive.

interface Proc {
  pid: number;
  ppid: number;
  state: string;
  cmdline: string;
}

function processes(): Proc[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return [{ pid: Number(name), ppid: Number(ppid), state: state ?? '', cmdline }];
      } catch {
        return []; // exited while listing
      }
    });
}

const running = (p: Proc) => p.state !== 'Z' && p.state !== 'X';

/** Live Chromium browser processes started by this test process. */
export function browserPids(): number[] {
  return processes()
    .filter((p) => p.ppid === process.pid && running(p) && p.cmdline.includes('chromium'))
    .map((p) => p.pid);
}

/** Live renderer processes (the ones that hold pages) under a browser process. */
export function rendererPids(browserPid: number): number[] {
  const all = processes();
  const under = new Set([browserPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) {
      if (under.has(p.ppid) && !under.has(p.pid)) {
        under.add(p.pid);
        grew = true;
      }
    }
  }
  return all.filter((p) => under.has(p.pid) && running(p) && p.cmdline.includes('--type=renderer')).map((p) => p.pid);
}

export function isRunning(pid: number): boolean {
  return processes().some((p) => p.pid === pid && running(p));
}
