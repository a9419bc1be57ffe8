"use client";

import type { FieldErrors, UseFormRegister, UseFormSetValue } from "react-hook-form";
import { Field } from "~/components/ui/field";
import { Input, Select } from "~/components/ui/input";
import { COUNTRIES, COUNTRY_OPTIONS, CURRENCIES, timeZones } from "~/lib/regions";

type ProfileValues = { name: string; country: string; timeZone: string; currency: string };

/** Name, country, time zone and currency, shared by the create form and the settings form. */
export function OrganizationFields<T extends ProfileValues>({
  register,
  errors,
  setValue,
  nameLabel = "Organization name",
}: {
  register: UseFormRegister<T>;
  errors: FieldErrors<T>;
  setValue: UseFormSetValue<T>;
  nameLabel?: string;
}) {
  // The generic form type is wider than these four fields; narrow the helpers once, here.
  const reg = register as unknown as UseFormRegister<ProfileValues>;
  const set = setValue as unknown as UseFormSetValue<ProfileValues>;
  const err = errors as FieldErrors<ProfileValues>;
  const zones = timeZones();
  return (
    <>
      <Field label={nameLabel} error={err.name?.message}>
        <Input autoComplete="organization" {...reg("name")} />
      </Field>
      <Field label="Country" error={err.country?.message} hint="We suggest a time zone and currency; change them if they differ.">
        <Select
          {...reg("country", {
            onChange: (e: React.ChangeEvent<HTMLSelectElement>) => {
              const c = COUNTRIES.find((x) => x.code === e.target.value);
              if (c) {
                set("timeZone", c.timeZone, { shouldValidate: true });
                set("currency", c.currency, { shouldValidate: true });
              }
            },
          })}
        >
          <option value="">Choose a country…</option>
          {COUNTRY_OPTIONS.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Time zone" error={err.timeZone?.message} hint="Delivery dates are counted in this zone.">
          <Select {...reg("timeZone")}>
            <option value="">Choose a time zone…</option>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Currency" error={err.currency?.message}>
          <Select {...reg("currency")}>
            <option value="">Choose…</option>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      </div>
    </>
  );
}
