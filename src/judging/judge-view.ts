/**
 * Content fields that name people; a blind round shows the work, never who made it. A video link
 * names its uploader (the channel or account behind it), so a blind round hides it too. The
 * judge's view is built in SQL (assignment-views.store.ts), which drops these in blind rounds.
 */
export const NAMING_FIELDS = ['credits', 'videoUrl'] as const;
