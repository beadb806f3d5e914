import { canManageProgramme } from './programme-policy';

describe('canManageProgramme', () => {
  const coordinators = ['c1', 'c2'];
  it('lets any admin manage', () => {
    expect(canManageProgramme({ id: 'x', roles: ['admin'] }, coordinators)).toBe(true);
  });
  it('lets a coordinator of this programme manage', () => {
    expect(canManageProgramme({ id: 'c1', roles: ['coordinator'] }, coordinators)).toBe(true);
  });
  it('refuses a coordinator of another programme', () => {
    expect(canManageProgramme({ id: 'c9', roles: ['coordinator'] }, coordinators)).toBe(false);
  });
  it('refuses someone listed who lost the coordinator role', () => {
    expect(canManageProgramme({ id: 'c1', roles: ['applicant'] }, coordinators)).toBe(false);
  });
  it('refuses applicants and judges', () => {
    expect(canManageProgramme({ id: 'a', roles: ['applicant'] }, coordinators)).toBe(false);
    expect(canManageProgramme({ id: 'j', roles: ['judge'] }, coordinators)).toBe(false);
  });
});
