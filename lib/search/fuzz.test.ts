// Promise 8 of issue 9: the query syntax (and a search with it) under random and mutated queries.
import { describe } from 'vitest';
import { PARSER_TARGETS } from '../../test/fuzz/targets';
import { fuzzTests } from '../../test/fuzz/unit';

describe('fuzz: query syntax', () => fuzzTests(PARSER_TARGETS.filter((t) => t.name.startsWith('query syntax'))));
