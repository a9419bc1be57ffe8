import localFont from "next/font/local";

/**
 * Geist from the `geist` package's files, loaded here rather than through its ready-made exports so each
 * face says whether it is preloaded: every page uses the sans face (preloaded: it paints the first text),
 * and only portal pages use the mono one (ids, references, code), so public pages do not spend mobile
 * bandwidth on it before their content. Both swap in once loaded; the sans fallback is size-adjusted Arial,
 * so the swap does not shift the layout.
 */
export const fontSans = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "swap",
  preload: true,
  adjustFontFallback: "Arial",
});

export const fontMono = localFont({
  src: "../../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  weight: "100 900",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Roboto Mono", "Menlo", "Monaco", "Liberation Mono", "DejaVu Sans Mono", "Courier New", "monospace"],
});
