import { accountRouter } from "./routers/account";
import { activityRouter } from "./routers/activity";
import { authRouter } from "./routers/auth";
import { designRouter } from "./routers/design";
import { directoryRouter } from "./routers/directory";
import { invitationRouter } from "./routers/invitation";
import { memberRouter } from "./routers/member";
import { organizationRouter } from "./routers/organization";
import { outboxRouter } from "./routers/outbox";
import { notificationRouter } from "./routers/notification";
import { sampleRequestRouter } from "./routers/sample-request";
import { shortlistRouter } from "./routers/shortlist";
import { workshopProfileRouter } from "./routers/workshop-profile";
import { healthRouter } from "./routers/health";
import { quoteRouter } from "./routers/quote";
import { rfqRouter } from "./routers/rfq";
import { orderRouter, rfqThreadRouter } from "./routers/rfq-thread";
import { productionCalendarRouter } from "./routers/production-calendar";
import { planTemplateRouter } from "./routers/plan-template";
import { milestoneRouter } from "./routers/milestone";
import { reviewRouter } from "./routers/review";
import { paymentRouter } from "./routers/payment";
import { preorderPublicRouter } from "./routers/preorder-public";
import { preorderProductionRouter } from "./routers/preorder-production";
import { preorderRouter } from "./routers/preorder";
import { preorderDashboardRouter } from "./routers/preorder-dashboard";
import { preorderWorkshopRouter } from "./routers/preorder-workshop";
import { createCallerFactory, createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  health: healthRouter,
  auth: authRouter,
  account: accountRouter,
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  activity: activityRouter,
  shortlist: shortlistRouter,
  sampleRequest: sampleRequestRouter,
  notification: notificationRouter,
  directory: directoryRouter,
  outbox: outboxRouter,
  workshopProfile: workshopProfileRouter,
  rfq: rfqRouter,
  quote: quoteRouter,
  rfqThread: rfqThreadRouter,
  order: orderRouter,
  productionCalendar: productionCalendarRouter,
  design: designRouter,
  planTemplate: planTemplateRouter,
  milestone: milestoneRouter,
  review: reviewRouter,
  payment: paymentRouter,
  preorderPublic: preorderPublicRouter,
  preorderProduction: preorderProductionRouter,
  preorder: preorderRouter,
  preorderDashboard: preorderDashboardRouter,
  preorderWorkshop: preorderWorkshopRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
