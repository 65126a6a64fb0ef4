import { expect } from 'vitest';
import { ParseError } from '../../lib/errors.ts';

/** Runs fn and returns the ParseError it throws (fails the test if it throws anything else or nothing). */
export function parseErrorOf(fn: () => unknown): ParseError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  return expect.unreachable('expected a ParseError');
}
