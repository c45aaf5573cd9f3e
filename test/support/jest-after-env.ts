import { afterAll } from '@jest/globals';
import { settleTestDatabase } from './test-database.js';

// After each test file: the schemas its apps left are dropped before the worker moves on.
afterAll(settleTestDatabase);
