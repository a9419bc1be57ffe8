import { expect, followEmailLink, newPerson, signIn, signUp, SLOW_STEP, test } from "./fixtures";

test("a forgotten password is reset through the emailed link, which works once", async ({ page }) => {
  const person = newPerson("Elena", "Ricci");
  const newPassword = `new-${person.password}`;

  await signUp(page, person);
  // Onboarding has no account menu yet, so sign out through next-auth's own sign-out page.
  await page.goto("/api/auth/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).not.toHaveURL(/\/api\/auth\/signout/, SLOW_STEP);
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/sign-in\?/);

  // Ask for a link.
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill(person.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByRole("status")).toContainText(`If an account exists for ${person.email}, we sent it a link`);

  // Open it from the outbox and choose a new password.
  const resetUrl = await followEmailLink(page, person.email, /Reset your Bezel password/);
  expect(new URL(resetUrl).pathname).toMatch(/^\/reset-password\/[^/]+$/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/sign-in\?reset=1$/, SLOW_STEP);
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();

  // The old password no longer works.
  await signIn(page, person.email, person.password);
  await expect(page.locator("form").getByRole("alert")).toHaveText("Email or password is incorrect.", SLOW_STEP);
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);

  // The new one does; with no organization yet the user lands on onboarding.
  await signIn(page, person.email, newPassword);
  await expect(page).toHaveURL(/\/onboarding$/, SLOW_STEP);
  await expect(page.getByRole("heading", { name: "Welcome, Elena" })).toBeVisible();

  // The link was used up: the page says so when it opens, with no form to fill in, and offers a new link.
  await page.goto(resetUrl);
  await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
});

test("a garbage reset link says it is dead before anything is typed", async ({ page }) => {
  for (const token of ["not-a-real-token-at-all-0123456789abcdef", "short"]) {
    await page.goto(`/reset-password/${token}`);
    await expect(page.getByRole("heading", { name: "This reset link no longer works" })).toBeVisible();
    await expect(page.getByLabel("New password", { exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Repeat the new password")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  }
});
