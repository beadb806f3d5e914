import { render, screen } from '@testing-library/react';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { describeError, fieldErrors } from './errors';
import { TextField } from './forms';

describe('TextField', () => {
  it('has a visible label, and its error beside it is what a screen reader reads with it', () => {
    render(
      <TextField
        label="Email"
        hint="Your school email is fine"
        error="Enter an email address"
        name="email"
      />,
    );
    const input = screen.getByLabelText('Email');
    expect(input).toHaveProperty('name', 'email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const described = (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['Your school email is fine', 'Enter an email address']);
  });

  it('without an error, the field is not marked invalid', () => {
    render(
      <I18nProvider i18n={i18n}>
        <TextField label="Name" name="n" />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('error sentences', () => {
  const problem = (code: string, status: number, errors?: { path: string; message: string }[]) =>
    new ApiError({ code, status, errors });

  it('a problem is said by its code, an unknown code by its status', () => {
    expect(describeError(i18n, problem('EMAIL_TAKEN', 409))).toBe(
      'There is already an account with this email. Try signing in instead.',
    );
    expect(describeError(i18n, problem('SOMETHING_NEW', 403))).toBe(
      "You're not allowed to do that.",
    );
    expect(describeError(i18n, problem('SOMETHING_NEW', 503))).toBe(
      'Something went wrong on our side. Please try again in a moment.',
    );
  });

  it('each field the API names gets its own sentence', () => {
    const errors = fieldErrors(
      i18n,
      problem('VALIDATION_FAILED', 400, [
        { path: 'password', message: 'password must be longer than or equal to 10 characters' },
        { path: 'email', message: 'email must be an email' },
        { path: 'guardian.email', message: 'must differ from your own email' },
        { path: 'bio', message: 'something new' },
      ]),
    );
    expect(errors).toEqual({
      password: 'Use at least 10 characters.',
      email: 'Enter an email address, like name@example.com.',
      'guardian.email': "Use your parent or guardian's own email, not yours.",
      bio: "This doesn't look right. Check it and try again.",
    });
  });
});
