// Promise 8 of issue 9: the seed-corpus parser under random and mutated seed files (contract: test/fuzz/targets.ts).
import { describe } from 'vitest';
import { PARSER_TARGETS } from '../../test/fuzz/targets';
import { fuzzTests } from '../../test/fuzz/unit';

describe('fuzz: seed corpus', () => fuzzTests(PARSER_TARGETS.filter((t) => t.name.startsWith('seed corpus'))));
