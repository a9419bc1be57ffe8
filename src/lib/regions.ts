/**
 * Countries an organization can be based in, with the currency and time zone we suggest for each.
 * The jewelry trade's main brand markets and workshop hubs; extend as customers arrive.
 */
export const COUNTRIES = [
  { code: "AE", name: "United Arab Emirates", currency: "AED", timeZone: "Asia/Dubai" },
  { code: "AU", name: "Australia", currency: "AUD", timeZone: "Australia/Sydney" },
  { code: "BE", name: "Belgium", currency: "EUR", timeZone: "Europe/Brussels" },
  { code: "BR", name: "Brazil", currency: "BRL", timeZone: "America/Sao_Paulo" },
  { code: "CA", name: "Canada", currency: "CAD", timeZone: "America/Toronto" },
  { code: "CH", name: "Switzerland", currency: "CHF", timeZone: "Europe/Zurich" },
  { code: "CN", name: "China", currency: "CNY", timeZone: "Asia/Shanghai" },
  { code: "CO", name: "Colombia", currency: "COP", timeZone: "America/Bogota" },
  { code: "DE", name: "Germany", currency: "EUR", timeZone: "Europe/Berlin" },
  { code: "DK", name: "Denmark", currency: "DKK", timeZone: "Europe/Copenhagen" },
  { code: "ES", name: "Spain", currency: "EUR", timeZone: "Europe/Madrid" },
  { code: "FR", name: "France", currency: "EUR", timeZone: "Europe/Paris" },
  { code: "GB", name: "United Kingdom", currency: "GBP", timeZone: "Europe/London" },
  { code: "GR", name: "Greece", currency: "EUR", timeZone: "Europe/Athens" },
  { code: "HK", name: "Hong Kong", currency: "HKD", timeZone: "Asia/Hong_Kong" },
  { code: "ID", name: "Indonesia", currency: "IDR", timeZone: "Asia/Makassar" },
  { code: "IE", name: "Ireland", currency: "EUR", timeZone: "Europe/Dublin" },
  { code: "IL", name: "Israel", currency: "ILS", timeZone: "Asia/Jerusalem" },
  { code: "IN", name: "India", currency: "INR", timeZone: "Asia/Kolkata" },
  { code: "IT", name: "Italy", currency: "EUR", timeZone: "Europe/Rome" },
  { code: "JP", name: "Japan", currency: "JPY", timeZone: "Asia/Tokyo" },
  { code: "KR", name: "South Korea", currency: "KRW", timeZone: "Asia/Seoul" },
  { code: "MX", name: "Mexico", currency: "MXN", timeZone: "America/Mexico_City" },
  { code: "NL", name: "Netherlands", currency: "EUR", timeZone: "Europe/Amsterdam" },
  { code: "NO", name: "Norway", currency: "NOK", timeZone: "Europe/Oslo" },
  { code: "NZ", name: "New Zealand", currency: "NZD", timeZone: "Pacific/Auckland" },
  { code: "PE", name: "Peru", currency: "PEN", timeZone: "America/Lima" },
  { code: "PT", name: "Portugal", currency: "EUR", timeZone: "Europe/Lisbon" },
  { code: "SE", name: "Sweden", currency: "SEK", timeZone: "Europe/Stockholm" },
  { code: "SG", name: "Singapore", currency: "SGD", timeZone: "Asia/Singapore" },
  { code: "TH", name: "Thailand", currency: "THB", timeZone: "Asia/Bangkok" },
  { code: "TR", name: "Türkiye", currency: "TRY", timeZone: "Europe/Istanbul" },
  { code: "US", name: "United States", currency: "USD", timeZone: "America/New_York" },
  { code: "VN", name: "Vietnam", currency: "VND", timeZone: "Asia/Ho_Chi_Minh" },
  { code: "ZA", name: "South Africa", currency: "ZAR", timeZone: "Africa/Johannesburg" },
] as const;

/** The countries as a person looks for them in a list: by name (Türkiye sorts as Turkiye). */
export const COUNTRY_OPTIONS = [...COUNTRIES].sort((a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }));

export type CountryCode = (typeof COUNTRIES)[number]["code"];
export const COUNTRY_CODES = COUNTRIES.map((c) => c.code) as [CountryCode, ...CountryCode[]];

export const CURRENCIES = [...new Set(COUNTRIES.map((c) => c.currency as string))].sort() as [string, ...string[]];

export function countryName(code: string): string {
  return COUNTRIES.find((c) => c.code === code)?.name ?? code;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function timeZones(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
