import type { Formatter } from './types';
import { stylish } from './stylish';
import { json } from './json';
import { sarif } from './sarif';
import { github } from './github';
import { junit } from './junit';

export const FORMATTERS: Record<string, Formatter> = { stylish, json, sarif, github, junit };
export type { Formatter, FormatContext } from './types';
export { counts } from './types';
