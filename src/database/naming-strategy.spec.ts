import { SnakeNamingStrategy } from './naming-strategy';

describe('SnakeNamingStrategy', () => {
  const s = new SnakeNamingStrategy();
  it('turns camelCase properties into snake_case columns', () => {
    expect(s.columnName('passwordHash', undefined, [])).toBe('password_hash');
    expect(s.columnName('guardianEmail', undefined, [])).toBe('guardian_email');
    expect(s.columnName('id', 'custom_id', [])).toBe('custom_id');
  });
  it('names tables after classes unless told', () => {
    expect(s.tableName('AuditEvent')).toBe('audit_event');
    expect(s.tableName('AuditEvent', 'audit_events')).toBe('audit_events');
  });
  it('names join columns after the relation', () => {
    expect(s.joinColumnName('user', 'id')).toBe('user_id');
  });
});
