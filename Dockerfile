# Production image: build once, then `start:prod` applies migrations and starts the server.
# Node 22, the current long-term-support line (Node 20 reached end of life in April 2026). Development keeps
# working on Node >= 20.19 (package.json "engines").
FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# The secret is only needed to validate the environment during the build; the real one comes at run time.
RUN NEXTAUTH_SECRET=build-time-placeholder-secret-0000 npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app ./
# Uploads go to .data/uploads unless S3_BUCKET is set; the volume in docker-compose keeps them.
RUN mkdir -p /app/.data/uploads && chown -R node:node /app/.data
USER node
EXPOSE 3000
CMD ["npm", "run", "start:prod"]
