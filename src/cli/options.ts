/** Option parsers shared by the commands; each rejects a bad value with a precise message. */
import { InvalidArgumentError, Option } from 'commander';
import { VECTOR_DTYPES, VECTOR_FORMATS } from '../vectors/types.js';

export function positiveInt(name: string, max = 65536) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim()))
      throw new InvalidArgumentError(`${name} must be a whole number, found "${value}"`);
    const n = Number(value);
    if (n < 1 || n > max)
      throw new InvalidArgumentError(`${name} must be between 1 and ${max}, found ${n}`);
    return n;
  };
}

export function positiveNumber(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`${name} must be a positive number, found "${value}"`);
    return n;
  };
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export const failOnOption = () =>
  new Option('--fail-on <level>', 'lowest severity that blocks: error, warning or never')
    .choices(['error', 'warning', 'never'])
    .default('error');

export const dtypeOption = (flags: string, description: string) =>
  new Option(flags, description).choices([...VECTOR_DTYPES]);

export const vectorFormatOption = (flags: string, description: string) =>
  new Option(flags, description).choices([...VECTOR_FORMATS]);
