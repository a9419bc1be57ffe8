"use client";

export { PortalError as default } from "~/components/portal/portal-error";
