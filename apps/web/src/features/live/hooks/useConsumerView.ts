import { type RefObject, useEffect } from 'react';

/** Tile heights are reported in steps, so resizing a window does not flood the server. */
const STEP_PX = 20;

/**
 * Tells the server what an element shows of a consumer: visible (on screen, tab in front)
 * and its height in CSS pixels. On unmount, or when the consumer changes, reports it hidden.
 */
export function useConsumerView(
  ref: RefObject<HTMLElement | null>,
  consumerId: string | null,
  setView: (consumerId: string, visible: boolean, height: number) => void,
): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || !consumerId) return;
    let intersecting = false;
    const report = () => {
      const height = Math.round(element.getBoundingClientRect().height / STEP_PX) * STEP_PX;
      const visible = intersecting && document.visibilityState === 'visible' && height > 0;
      setView(consumerId, visible, visible ? height : 0);
    };
    const intersection = new IntersectionObserver((entries) => {
      intersecting = entries.some((e) => e.isIntersecting);
      report();
    });
    const resize = new ResizeObserver(report);
    intersection.observe(element);
    resize.observe(element);
    document.addEventListener('visibilitychange', report);
    return () => {
      intersection.disconnect();
      resize.disconnect();
      document.removeEventListener('visibilitychange', report);
      setView(consumerId, false, 0);
    };
  }, [ref, consumerId, setView]);
}
