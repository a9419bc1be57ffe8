import { expect, test } from "./fixtures";

test("the sign-up form explains what is missing next to each field and stays put", async ({ page }) => {
  await page.goto("/sign-up");
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/")) requests.push(r.url());
  });

  await page.getByRole("button", { name: "Create account" }).click();

  const name = page.getByLabel("Your name");
  const email = page.getByLabel("Work email");
  const password = page.getByLabel("Password", { exact: true });
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Enter your name.");
  await expect(email).toHaveAccessibleDescription("Enter your email address.");
  await expect(password).toHaveAccessibleDescription("Use at least 10 characters.");
  // Scoped to the form: Next.js keeps an empty route announcer with role=alert on every page.
  await expect(page.locator("form").getByRole("alert")).toHaveText(["Enter your name.", "Enter your email address.", "Use at least 10 characters."]);

  // A malformed email and a short password get their own messages; fixed fields lose theirs.
  await name.fill("Fiona Test");
  await email.fill("not-an-email");
  await password.fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(email).toHaveAccessibleDescription("Enter a valid email address.");
  await expect(password).toHaveAccessibleDescription("Use at least 10 characters.");
  await expect(name).not.toHaveAttribute("aria-invalid", "true");

  await expect(page).toHaveURL(/\/sign-up$/);
  expect(requests).toEqual([]);
});
