import { createOrganization, expect, followEmailLink, newPerson, signOut, signUp, SLOW_STEP, test, uniqueOrgName } from "./fixtures";

test("an owner invites a colleague, who signs up from the email and joins the brand", async ({ page }) => {
  const owner = newPerson("Ava", "Moretti");
  const colleague = newPerson("Ben", "Okafor");
  const brandName = uniqueOrgName("Ava Atelier");

  // 1. The owner signs up and lands on onboarding.
  await page.goto("/sign-up");
  await signUp(page, owner);
  await expect(page.getByRole("heading", { name: "Welcome, Ava" })).toBeVisible();

  // 2. She creates a brand; the country suggests a time zone and a currency.
  const brandRadio = page.getByRole("radio", { name: /^Brand\b/ });
  await page.locator("label").filter({ has: brandRadio }).click();
  await expect(brandRadio).toBeChecked();
  await page.getByLabel("Organization name").fill(brandName);
  await page.getByLabel("Country").selectOption({ label: "Italy" });
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Rome");
  await expect(page.getByLabel("Currency")).toHaveValue("EUR");
  await page.getByRole("button", { name: "Create organization" }).click();

  await expect(page).toHaveURL(/\/brand\/[a-z0-9-]+$/, SLOW_STEP);
  const brandPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { name: "Good to see you, Ava" })).toBeVisible();
  await expect(page.getByText(`${brandName} · Brand portal`)).toBeVisible();

  // 3. Settings → Members → invite the colleague as a member.
  await page.getByRole("navigation", { name: "Brand portal" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`${brandPath}/settings`);
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(`${brandPath}/settings/members`);
  await page.getByLabel("Email address").fill(colleague.email);
  await page.getByLabel("Role").selectOption({ label: "Member" });
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${colleague.email}.`)).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem").filter({ hasText: colleague.email })).toContainText("Member · invited by Ava Moretti");

  // 4. She signs out.
  await signOut(page, owner.name);

  // 5. The colleague opens the invitation from the outbox and creates an account with the invited email.
  const invitationUrl = await followEmailLink(page, colleague.email, /invited you to/);
  const invitationPath = new URL(invitationUrl).pathname;
  await expect(page.getByRole("heading", { name: `Join ${brandName}` })).toBeVisible();
  await page.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(page).toHaveURL(/\/sign-up\?/);
  await expect(page.getByLabel("Work email")).toHaveValue(colleague.email);
  await signUp(page, colleague, { expectUrl: new RegExp(`${invitationPath}$`) });

  // 6. Back on the invitation, signed in as the invited person: accept.
  await expect(page.getByRole("heading", { name: `Join ${brandName}` })).toBeVisible();
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(new RegExp(`${brandPath}$`), SLOW_STEP);
  await expect(page.getByRole("button", { name: `Current organization: ${brandName}. Switch organization` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Good to see you, Ben" })).toBeVisible();

  // 7. The members page lists both people.
  await page.goto(`${brandPath}/settings/members`);
  await expect(page.getByText(`2 people have access to ${brandName}.`)).toBeVisible();
  const ownerRow = page.getByRole("main").getByRole("listitem").filter({ hasText: owner.email });
  const colleagueRow = page.getByRole("main").getByRole("listitem").filter({ hasText: colleague.email });
  await expect(ownerRow).toContainText(owner.name);
  await expect(ownerRow).toContainText("Owner");
  await expect(colleagueRow).toContainText(`${colleague.name} (you)`);
  await expect(colleagueRow).toContainText("Member");
  await expect(page.getByText("No pending invitations")).toBeVisible();
});

test("a re-invited address's first link says it was replaced, and the empty invite form asks for their address", async ({ page }) => {
  const owner = newPerson("Iris", "Vale");
  const invitee = newPerson("Jon", "Reed");

  await signUp(page, owner);
  const brand = await createOrganization(page, { kind: "Brand", name: uniqueOrgName("Iris Studio") });
  await page.goto(`${brand.path}/settings/members`);

  // Empty: the message is about the invitee's address, not the owner's own.
  const email = page.getByLabel("Email address");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(email).toHaveAccessibleDescription("Enter their email address.");
  await expect(page.getByText("Enter your email address.")).toHaveCount(0);

  // Invited twice: the second invitation replaces the first.
  for (const role of ["Member", "Admin"]) {
    await email.fill(invitee.email);
    await page.getByLabel("Role").selectOption({ label: role });
    await page.getByRole("button", { name: "Send invitation" }).click();
    await expect(page.getByText(`Invitation sent to ${invitee.email}.`).first()).toBeVisible();
    await expect(email).toHaveValue("");
  }
  await signOut(page, owner.name);

  // The outbox lists the newest first: the second email holds the first link.
  await page.goto("/outbox");
  const mails = page.getByRole("listitem").filter({ hasText: `To: ${invitee.email}` }).filter({ hasText: /invited you to/ });
  await expect(mails).toHaveCount(2);
  const firstLink = await mails.nth(1).getByRole("link").first().getAttribute("href");
  const newestLink = await mails.nth(0).getByRole("link").first().getAttribute("href");
  expect(firstLink).toBeTruthy();
  expect(firstLink).not.toBe(newestLink);

  await page.goto(firstLink!);
  await expect(page.getByText("This invitation was replaced by a newer one sent to the same address. Open the link in the most recent invitation email.")).toBeVisible();
  await expect(page.getByText(/withdrawn/)).toHaveCount(0);

  await page.goto(newestLink!);
  await expect(page.getByRole("link", { name: "Create an account to accept" })).toBeVisible();
});
