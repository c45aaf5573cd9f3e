/** The time tokens and the login bound are computed with; tests swap it through DI to move time. */
export abstract class Clock {
  abstract now(): number;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
  }
}
