// Option parsers that turn bad values into commander's usage errors.
import { InvalidArgumentError } from 'commander';

/** A whole number from 1 to `max`. */
export const positiveInteger =
  (max: number) =>
  (value: string): number => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < 1 || number > max) {
      throw new InvalidArgumentError(`give a whole number from 1 to ${max}.`);
    }
    return number;
  };
