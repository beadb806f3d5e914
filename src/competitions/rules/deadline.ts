/** The moment this team's window closes: the competition's close, or its extension if later. */
export function effectiveClose(closesAt: Date, extensionUntil: Date | null): Date {
  return extensionUntil && extensionUntil.getTime() > closesAt.getTime()
    ? extensionUntil
    : closesAt;
}

export type WindowState = 'not_open' | 'open' | 'closed';

/** Opens inclusive, closes exclusive: at the closing instant itself the window is shut. */
export function windowState(opensAt: Date, closesAt: Date, now: Date): WindowState {
  if (now.getTime() < opensAt.getTime()) return 'not_open';
  return now.getTime() < closesAt.getTime() ? 'open' : 'closed';
}

/** The next instant (ms) at which windowState changes after `now`; Infinity once closed. */
export function nextWindowChange(opensAt: Date, closesAt: Date, now: Date): number {
  if (now.getTime() < opensAt.getTime()) return opensAt.getTime();
  return now.getTime() < closesAt.getTime() ? closesAt.getTime() : Infinity;
}
