/**
 * The emailed-link pages' only style sheet (identity/link-pages.ts), inline; the
 * Content-Security-Policy allows it by its hash.
 */
export const LINK_PAGE_CSS =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}\n' +
  'button{font-size:1rem;padding:.6rem 1.2rem}input{font-size:1rem;padding:.4rem;width:100%;box-sizing:border-box}';
