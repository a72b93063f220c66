/** Tells the notifications badge to count again (a page marked some read). */
const listeners = new Set<() => void>();

export function notificationsChanged(): void {
  listeners.forEach((listener) => listener());
}

export function onNotificationsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
