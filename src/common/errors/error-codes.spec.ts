import { ERROR_CODES, isListed } from './error-codes';
import { CODE_BY_STATUS } from './problem.filter';

describe('error-code catalogue', () => {
  it('lists stable UPPER_SNAKE codes with error statuses', () => {
    for (const [code, statuses] of Object.entries(ERROR_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      for (const status of statuses) expect(status).toBeGreaterThanOrEqual(400);
    }
  });

  it('lists each status’s generic code with that status', () => {
    for (const [status, code] of Object.entries(CODE_BY_STATUS)) {
      expect(isListed(code!, Number(status))).toBe(true);
    }
  });

  it('refuses a code with a status it is not listed with, and an unknown code', () => {
    expect(isListed('DEADLINE_PASSED', 409)).toBe(true);
    expect(isListed('DEADLINE_PASSED', 400)).toBe(false);
    expect(isListed('NOT_A_CODE', 400)).toBe(false);
    expect(isListed('ERROR', 418)).toBe(true);
  });
});
