-- A portfolio piece is public only while its workshop's profile is published AND it has at least one
-- photo: a piece without photos is a draft the public never sees. The workshop's own policy
-- (portfolio_pieces_own) still shows it every piece.
DROP POLICY portfolio_pieces_published ON portfolio_pieces;
--> statement-breakpoint
CREATE POLICY portfolio_pieces_published ON portfolio_pieces FOR SELECT TO bezel_app
  USING (
    EXISTS (SELECT 1 FROM workshop_profiles wp WHERE wp.org_id = portfolio_pieces.org_id AND wp.published_at IS NOT NULL)
    AND EXISTS (SELECT 1 FROM portfolio_piece_photos ph WHERE ph.piece_id = portfolio_pieces.id AND ph.org_id = portfolio_pieces.org_id)
  );
