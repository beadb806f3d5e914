import type { Plugin } from 'vite';

/** The fonts of each script, by locale (the same table as src/app/fonts.ts, by package name). */
const FONT_PACKAGES: Record<string, string> = {
  ko: 'noto-sans-kr',
  th: 'noto-sans-thai',
  km: 'noto-sans-khmer',
  lo: 'noto-sans-lao',
  my: 'noto-sans-myanmar',
  zh: 'noto-sans-sc',
};

/** The chunks of what only a signed-in person sees (src/app/Layout.tsx loads them lazily). */
const SIGNED_IN =
  /src\/(app\/SignedInNav|features\/verify\/VerifyBanner|features\/home\/Dashboard)\.tsx$/;

/**
 * Picks the reader's language before any JavaScript has loaded (an emailed link's ?lang=, else the
 * saved choice, else the browser's languages, else English), sets <html lang>, and starts
 * fetching that language's catalogue chunk (and its font's stylesheet) while the rest of the page
 * (the entry, inlined by scripts/inline-entry.mjs) arrives: no request waits for another before
 * the first form. src/app/i18n.ts reads <html lang>. When a session is stored, it also starts
 * loading the signed-in navigation's chunks.
 */
export function localePreload(): Plugin {
  return {
    name: 'kenal-locale-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const catalogs: Record<string, string> = {};
        const fonts: Record<string, string> = {};
        const signedIn = new Set<string>();
        for (const item of Object.values(ctx.bundle ?? {})) {
          if (item.type === 'chunk') {
            const m = item.facadeModuleId?.match(/locales\/([a-z]+)\/messages\.po$/);
            if (m) catalogs[m[1]] = `/${item.fileName}`;
            if (SIGNED_IN.test(item.facadeModuleId ?? '')) {
              signedIn.add(`/${item.fileName}`);
              for (const dep of item.imports) {
                if (!(ctx.bundle?.[dep] as { isEntry?: boolean } | undefined)?.isEntry) {
                  signedIn.add(`/${dep}`);
                }
              }
            }
          } else {
            for (const [locale, pkg] of Object.entries(FONT_PACKAGES)) {
              if (
                item.originalFileNames.some((n) => n.includes(`@fontsource/${pkg}/`)) &&
                item.fileName.endsWith('.css')
              ) {
                fonts[locale] = `/${item.fileName}`;
              }
            }
          }
        }
        if (!catalogs.en) throw new Error('locale-preload: no catalogue chunks found');
        if (signedIn.size === 0) throw new Error('locale-preload: no signed-in chunks found');
        const script = `(function(){var c=${JSON.stringify(catalogs)},f=${JSON.stringify(fonts)},l=null;
try{l=new URLSearchParams(location.search).get("lang");if(!c[l])l=localStorage.getItem("kenal.locale")}catch(e){}
if(!c[l]){l="en";var n=navigator.languages||[navigator.language];for(var i=0;i<n.length;i++){var t=String(n[i]).toLowerCase(),b=t.split("-")[0];if(t==="tl"||b==="tl"){b="fil"}if(c[b]){l=b;break}}}
document.documentElement.lang=l;var h=document.head,a=document.createElement("link");a.rel="modulepreload";a.href=c[l];h.appendChild(a);
if(f[l]){var s=document.createElement("link");s.rel="stylesheet";s.href=f[l];h.appendChild(s)}
var p=${JSON.stringify([...signedIn].sort())};try{if(localStorage.getItem("kenal.refreshToken"))for(i=0;i<p.length;i++){a=document.createElement("link");a.rel="modulepreload";a.href=p[i];h.appendChild(a)}}catch(e){}})()`;
        // scripts/inline-entry.mjs puts the style sheet after it: the requests start before the
        // rest of the page has arrived.
        return [{ tag: 'script', children: script, injectTo: 'head' }];
      },
    },
  };
}
