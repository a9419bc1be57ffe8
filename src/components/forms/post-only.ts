/**
 * Spread on every form that is handled by script. Until React has hydrated the page, a click on submit sends
 * the browser's own request instead; with these attributes it is a POST to a route that changes nothing, so
 * no typed value (a password) ever lands in the address bar, the history, server logs or a Referer.
 */
export const POST_ONLY = { method: "post", action: "/api/form-fallback" } as const;
