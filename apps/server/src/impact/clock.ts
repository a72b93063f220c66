import { Injectable } from '@nestjs/common';

/** "Now" for the impact figures (open attendance rows, forecasts): one place for tests to pin it. */
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}
