/**
 * The demo directory: workshops in the trade's real hubs, each with what it is known for. Short codes keep
 * the table readable; `seed-workshops.ts` expands them into full profiles, owners, artisans and portfolios.
 *
 * cap: cast set engr enamel hand plate cad wax chain polish cut fili laser
 * metal: y9 w9 r9 y14 w14 r14 y18 w18 r18 ag pt pd brass bronze
 * gem: nat lab none · cert: rjc fairmined fairtrade recycled iso scs · lang: ISO 639-1 codes
 */
export type DemoWorkshop = {
  name: string;
  city: string;
  country: string;
  headline: string;
  cap: string;
  metal: string;
  gem: string;
  cert: string;
  lang: string;
  moq: number;
  lead: [number, number];
  capacity: number;
  founded: number;
};

const w = (
  name: string,
  city: string,
  country: string,
  headline: string,
  cap: string,
  metal: string,
  gem: string,
  cert: string,
  lang: string,
  moq: number,
  lead: [number, number],
  capacity: number,
  founded: number,
): DemoWorkshop => ({ name, city, country, headline, cap, metal, gem, cert, lang, moq, lead, capacity, founded });

/** The two workshops of the demo logins, with full profiles. */
export const DEMO_LOGIN_WORKSHOPS: Record<string, DemoWorkshop> = {
  "atelier-oro": w("Atelier Oro", "Vicenza", "IT", "Fine gold casting and setting for independent brands, from five pieces", "cast set hand polish cad wax", "y18 w18 r18 y14 pt", "nat lab", "rjc recycled", "it en fr", 5, [30, 45], 600, 1987),
  "jaipur-gemworks": w("Jaipur Gemworks", "Jaipur", "IN", "Gem cutting, kundan and polki setting, and enamel from the Pink City", "cut set enamel hand polish", "y18 y14 ag", "nat", "rjc", "hi en", 10, [35, 55], 1200, 1972),
};

export const DEMO_WORKSHOPS: DemoWorkshop[] = [
  // Italy
  w("Bottega Valenza Orafi", "Valenza", "IT", "High jewelry setting in platinum and 18k white gold", "set cad polish laser", "w18 pt y18", "nat lab", "rjc iso", "it en", 3, [40, 60], 250, 1964),
  w("Arezzo Catena", "Arezzo", "IT", "Machine and hand-finished gold chain by the metre or to length", "chain cast plate polish", "y18 y14 w14 r14 ag", "none", "recycled iso", "it en de", 25, [15, 30], 8000, 1979),
  w("Firenze Incisori", "Florence", "IT", "Hand engraving and Florentine finishes on signet rings and cufflinks", "engr hand polish", "y18 r18 ag", "none", "fairmined", "it en", 2, [25, 40], 150, 1951),
  w("Corallo Torre del Greco", "Naples", "IT", "Cameo carving and coral set in gold, since the 1800s", "cut set hand polish", "y18 r18 ag", "nat", "", "it en", 5, [30, 50], 300, 1889),
  w("Milano Cera Lab", "Milan", "IT", "CAD, wax printing and casting in 72 hours for design studios", "cad wax cast", "y18 w18 r18 ag brass", "none", "recycled", "it en", 1, [10, 15], 2000, 2015),
  // India
  w("Mumbai Diamond Setters", "Mumbai", "IN", "Pavé and micro-pavé in natural and lab-grown diamonds", "set cad cast polish", "w18 y18 w14 pt", "nat lab", "rjc iso", "en hi", 20, [25, 40], 5000, 1996),
  w("Surat Lab Grown Studio", "Surat", "IN", "Lab-grown diamond fine jewelry at scale, certified stones", "set cast cad wax", "w14 y14 r14 w18", "lab", "scs iso", "en hi", 30, [20, 35], 10000, 2017),
  w("Kolkata Filigree House", "Kolkata", "IN", "Bengal filigree in silver and gold, wire drawn at our bench", "fili hand polish plate", "ag y18 y14", "none", "recycled", "en hi", 10, [35, 55], 900, 1958),
  w("Delhi Meenakari Atelier", "Delhi", "IN", "Meenakari enamel in jewel colours on gold and silver", "enamel hand set polish", "y18 ag", "nat", "", "hi en", 8, [40, 60], 400, 1983),
  w("Jaipur Silver Craft", "Jaipur", "IN", "Oxidised silver and gemstone statement pieces", "cast set hand polish plate", "ag brass", "nat", "fairtrade", "hi en", 15, [25, 45], 3000, 2001),
  // Thailand
  w("Chanthaburi Gem Setters", "Chanthaburi", "TH", "Sapphire and ruby cutting, calibrated and set in-house", "cut set cast polish", "y18 w18 y14 ag", "nat lab", "rjc", "th en zh", 10, [25, 40], 2500, 1990),
  w("Bangkok Silver Works", "Bangkok", "TH", "925 silver casting with gold vermeil for direct-to-consumer brands", "cast plate polish cad wax", "ag brass", "lab none", "recycled iso", "th en", 50, [15, 30], 20000, 1998),
  w("Siam Fine Jewelry", "Bangkok", "TH", "Full-service fine jewelry manufacture: CAD to quality check", "cad wax cast set polish plate laser", "y14 w14 r14 y18 w18 pt ag", "nat lab", "rjc iso scs", "th en zh", 30, [25, 40], 15000, 1986),
  w("Chiang Mai Hill Silver", "Chiang Mai", "TH", "Karen hill-tribe silver, hand hammered and stamped", "hand engr polish", "ag", "none", "fairtrade", "th en", 20, [20, 35], 1500, 2004),
  // Türkiye
  w("Kapalıçarşı Kuyumcu", "Istanbul", "TR", "Grand Bazaar goldsmiths: chains, bangles and hand-set stones", "chain hand set polish cast", "y14 y18 r14", "nat", "", "tr en ar", 10, [20, 35], 2000, 1968),
  w("Istanbul Enamel Studio", "Istanbul", "TR", "Ottoman-inspired enamel and micro-mosaic on silver", "enamel hand polish plate", "ag y14", "nat", "recycled", "tr en", 5, [30, 45], 350, 2009),
  w("Izmir Kazaz Workshop", "Izmir", "TR", "Kazaz silk-and-silver knotwork with sterling findings", "hand fili polish", "ag", "none", "", "tr en", 10, [25, 40], 600, 2012),
  // Mexico
  w("Taller Plata Taxco", "Taxco", "MX", "Taxco silversmiths: hand-fabricated 925 silver since 1952", "hand cast polish engr", "ag", "none", "recycled", "es en", 10, [20, 35], 2000, 1952),
  w("Guadalajara Oro Fino", "Guadalajara", "MX", "Gold casting and stone setting for brands across the Americas", "cast set cad wax polish", "y14 y18 w14", "nat lab", "iso", "es en", 20, [20, 35], 6000, 1993),
  w("Oaxaca Filigrana", "Oaxaca", "MX", "Oaxacan filigree earrings and pendants in silver and gold", "fili hand polish plate", "ag y14", "none", "fairtrade", "es en", 6, [30, 50], 500, 1976),
  w("CDMX Taller Contemporáneo", "Mexico City", "MX", "Sculptural brass and bronze pieces for fashion labels", "cast hand plate polish", "brass bronze ag", "none", "", "es en", 15, [15, 25], 4000, 2014),
  // Portugal
  w("Ourivesaria Gondomar", "Gondomar", "PT", "Portuguese filigree hearts and earrings in gold and silver", "fili hand polish", "y18 y14 ag", "none", "recycled", "pt en es", 5, [30, 45], 700, 1946),
  w("Porto Joalharia", "Porto", "PT", "Fine gold rings and stacking bands, casting and setting", "cast set polish cad", "y18 w18 r18 y9", "nat lab", "rjc", "pt en fr", 10, [20, 35], 1800, 1991),
  w("Lisboa Studio Metal", "Lisbon", "PT", "Recycled silver and gold for small contemporary brands", "hand cast polish laser", "ag y9 r9", "lab none", "recycled scs", "pt en", 3, [15, 30], 500, 2018),
  // United States
  w("Providence Casting Co.", "Providence", "US", "Production casting and finishing for jewelry brands since 1930", "cast polish plate wax laser", "ag y14 w14 r14 brass bronze", "none", "scs recycled", "en es", 50, [10, 20], 30000, 1930),
  w("Brooklyn Bench Jewelers", "New York", "US", "Bridal and fine jewelry made by hand in Brooklyn", "hand set cad polish engr", "pt w18 y18 r14", "nat lab", "fairmined recycled", "en", 2, [30, 45], 200, 2011),
  w("Los Angeles Gold Lab", "Los Angeles", "US", "Lab-grown diamond tennis bracelets and studs, fast turnaround", "set cast cad wax chain", "w14 y14 r14", "lab", "scs", "en es", 20, [15, 25], 5000, 2019),
  w("Santa Fe Turquoise Guild", "Santa Fe", "US", "Southwestern silver and turquoise inlay, hand stamped", "hand cut set engr", "ag", "nat", "recycled", "en es", 5, [30, 50], 400, 1978),
  // United Kingdom
  w("Jewellery Quarter Works", "Birmingham", "GB", "Hallmarked gold and silver from the heart of the Jewellery Quarter", "cast hand polish set engr", "y9 y18 w18 ag pt", "nat lab", "rjc recycled", "en", 10, [20, 35], 2500, 1902),
  w("Hatton Garden Setters", "London", "GB", "Diamond setting, claw to micro-pavé, for designers and retailers", "set polish laser", "pt w18 y18", "nat lab", "rjc", "en", 1, [15, 25], 800, 1974),
  w("Edinburgh Silversmiths", "Edinburgh", "GB", "Celtic knotwork and engraved silver, Scottish hallmarks", "hand engr cast polish", "ag y9", "none", "fairmined", "en", 10, [25, 40], 600, 1965),
  w("London Enamel Atelier", "London", "GB", "Guilloché and champlevé enamel for signets and charms", "enamel engr hand", "y18 ag", "none", "fairmined", "en fr", 3, [40, 60], 120, 2006),
  // France
  w("Atelier Place Vendôme", "Paris", "FR", "Haute joaillerie setting and polishing for Parisian houses", "set polish hand cad", "pt w18 y18 r18", "nat", "rjc iso", "fr en", 1, [40, 60], 150, 1958),
  w("Lyon Chaîne & Maille", "Lyon", "FR", "Gold and silver chains, made and soldered by hand", "chain hand polish", "y18 ag r18", "none", "recycled", "fr en", 15, [20, 35], 1200, 1981),
  w("Marais Émail", "Paris", "FR", "Grand feu enamel miniatures and plique-à-jour", "enamel hand polish", "y18 ag", "none", "fairmined", "fr en", 2, [45, 60], 80, 1999),
  // Indonesia
  w("Ubud Silver Collective", "Ubud", "ID", "Balinese granulation and hand-fabricated silver from Celuk", "hand fili polish plate", "ag brass", "nat none", "recycled fairtrade", "id en", 10, [20, 40], 2500, 1995),
  w("Kotagede Perak", "Yogyakarta", "ID", "Javanese silver filigree and repoussé since the Mataram era", "fili hand engr", "ag", "none", "", "id en", 12, [30, 45], 1000, 1961),
  w("Bali Vermeil Studio", "Ubud", "ID", "Gold vermeil on recycled silver for online brands", "cast plate polish cad", "ag brass", "lab none", "recycled", "id en", 30, [15, 30], 8000, 2016),
  // Peru
  w("Catacaos Filigrana", "Piura", "PE", "Andean filigree in silver and gold from Catacaos", "fili hand polish", "ag y18", "none", "fairtrade", "es en", 8, [30, 50], 600, 1970),
  w("Lima Oro Sostenible", "Lima", "PE", "Fairmined gold from Peruvian mines, cast and set in Lima", "cast set hand polish", "y18 y14 r18", "nat", "fairmined", "es en", 5, [25, 40], 900, 2013),
  w("Cusco Platería Andina", "Cusco", "PE", "Inca-motif silver, hand engraved, with Peruvian opal", "hand engr set polish", "ag", "nat", "fairtrade", "es en", 10, [25, 40], 700, 1988),
  // Greece
  w("Athens Goldsmiths Guild", "Athens", "GR", "Byzantine and Hellenistic designs in hammered 22k-style gold", "hand cast polish engr", "y18 y14", "nat", "recycled", "el en", 5, [25, 40], 500, 1967),
  w("Ioannina Asimi", "Ioannina", "GR", "Epirus silversmithing: filigree, repoussé and niello", "fili hand engr enamel", "ag", "none", "", "el en", 6, [30, 45], 300, 1948),
  w("Santorini Bench", "Santorini", "GR", "Small-batch gold and sea-glass pieces for resort brands", "hand set polish", "y14 y9 ag", "nat", "recycled", "el en", 5, [20, 30], 250, 2010),
  // Vietnam
  w("Saigon Fine Casting", "Ho Chi Minh City", "VN", "Precision casting, CAD and plating for global brands", "cast cad wax plate polish laser", "ag y14 w14 r14 brass", "lab none", "iso scs", "vi en", 40, [15, 30], 20000, 2008),
  w("Hanoi Silver Village", "Hanoi", "VN", "Dong Xam repoussé and Dinh Cong silver, made by hand", "hand engr polish", "ag bronze", "none", "fairtrade", "vi en", 10, [25, 40], 1500, 1990),
  // Spain, China, Hong Kong, Germany, Colombia, Brazil, Japan, Belgium, Israel, South Africa
  w("Córdoba Filigrana Plata", "Córdoba", "ES", "Cordoban silver filigree, shaped and soldered by hand", "fili hand polish", "ag", "none", "recycled", "es en", 10, [25, 40], 800, 1955),
  w("Barcelona Joia Estudi", "Barcelona", "ES", "Architectural gold and silver pieces for design-led brands", "cast hand cad polish", "y18 ag r9", "lab none", "recycled", "es en fr", 5, [20, 35], 400, 2012),
  w("Panyu Precision Jewelry", "Guangzhou", "CN", "Large-scale fine jewelry manufacture with full QC", "cast set cad wax plate polish laser chain", "ag y14 w14 r14 y18 w18 pt brass", "nat lab none", "rjc iso", "zh en", 50, [15, 30], 50000, 1992),
  w("Shenzhen Lab Diamond Works", "Shenzhen", "CN", "Lab-grown diamond rings and earrings, CAD to delivery", "set cast cad wax", "w14 y14 w18 pt", "lab", "scs iso", "zh en", 30, [12, 20], 25000, 2016),
  w("Hong Kong Jade & Gold", "Hong Kong", "HK", "Jade carving and setting with 18k gold mountings", "cut set hand polish", "y18 w18", "nat", "rjc", "zh en", 5, [30, 45], 400, 1975),
  w("Pforzheim Goldschmiede", "Pforzheim", "DE", "German precision in gold and platinum, hallmarked", "cast set laser polish cad", "y18 w18 pt pd y14", "nat lab", "rjc iso", "de en", 5, [25, 40], 1500, 1921),
  w("Bogotá Esmeralda Taller", "Bogotá", "CO", "Colombian emeralds cut and set in recycled gold", "cut set cast polish", "y18 w18 y14", "nat", "recycled", "es en", 5, [25, 45], 700, 1984),
  w("Ouro Minas Joias", "Belo Horizonte", "BR", "Brazilian gemstones in 18k gold, from Minas Gerais", "cut set cast polish", "y18 r18", "nat", "fairmined", "pt es en", 8, [30, 45], 900, 1987),
  w("Kyoto Metal Atelier", "Kyoto", "JP", "Mokume-gane and hand-hammered wedding bands", "hand engr polish laser", "pt pd y18 ag", "none", "recycled", "ja en", 2, [30, 50], 200, 1998),
  w("Antwerp Diamond Craft", "Antwerp", "BE", "Diamond cutting and setting from the Diamond Quarter", "cut set polish cad", "pt w18 y18", "nat lab", "rjc", "fr en", 3, [20, 35], 600, 1969),
  w("Tel Aviv Bench Studio", "Tel Aviv", "IL", "Minimal gold and diamond pieces with fast sampling", "cad wax cast set polish", "y14 w14 r14", "lab nat", "recycled", "en", 10, [12, 25], 2500, 2014),
  w("Cape Gold Collective", "Cape Town", "ZA", "South African gold and ethically sourced stones, hand finished", "cast set hand polish", "y18 y9 r9", "nat", "fairtrade rjc", "en", 5, [25, 40], 500, 2007),
  w("Melbourne Recycled Metals", "Melbourne", "AU", "Recycled gold and silver casting with a low-waste studio", "cast hand plate polish", "ag y9 y14 r9", "lab none", "recycled scs", "en", 10, [15, 30], 1200, 2017),
  w("Toronto Fine Casting", "Toronto", "CA", "Casting, setting and finishing for North American brands", "cast set polish wax cad", "ag y14 w14 y18", "nat lab", "rjc recycled", "en fr", 20, [15, 25], 6000, 1999),
];
