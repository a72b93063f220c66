/** A flagged span (the same shape `@echo-hub/deid` returns), for REST payloads. */
export interface Finding {
  kind: string;
  start: number;
  end: number;
  text: string;
  reason?: string;
}
