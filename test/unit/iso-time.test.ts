import { describe, expect, it } from 'vitest';
import { isoTime } from '../../main/core/base/iso-time.js';

describe('isoTime, the text toISOString() writes', () => {
  it('is the same text for times across the four-digit years, each field at its bounds', () => {
    const times = [
      Date.UTC(0, 0, 1),
      -62_167_219_200_000, // 0000-01-01T00:00:00.000Z
      0,
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 12, 0, 0, 7),
      Date.UTC(2026, 11, 5, 8, 46, 28, 90),
      Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    ];
    // And a spread of times from the first year to the last, to the millisecond.
    for (let time = -62_000_000_000_000; time < 253_000_000_000_000; time += 7_777_777_777_777 + 123)
      times.push(time);
    for (const time of times) expect(isoTime(new Date(time))).toBe(new Date(time).toISOString());
  });

  it('leaves a year outside 0–9999 and an invalid date to Date: the same text, the same error', () => {
    for (const time of [-62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15])
      expect(isoTime(new Date(time))).toBe(new Date(time).toISOString());
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
