/**
 * `GET /api/health`: the process answers. A constant JSON that touches neither the database nor the session,
 * for a load balancer's health check and as the floor `npm run bench:directory` compares pages with.
 */
export function GET() {
  return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
