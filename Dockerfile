# syntax=docker/dockerfile:1
# One image per service, all from this file:
#   docker build --build-arg APP=receivables -t chasqui/receivables .
# APP is one of receivables, scheduler, renderer, delivery. The build stages do
# not depend on APP, so building all four images compiles the monorepo once.
# The repository layout is kept (/app/proto, /app/libs, /app/apps): contracts
# read the .proto files at run time from ../../../proto.

ARG APP

FROM node:22-bookworm-slim AS base
WORKDIR /app
ENV TURBO_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Only the package.json files, so the install below stays cached until a
# dependency changes (a source edit alone does not reinstall).
FROM base AS manifests
COPY . /src
RUN cd /src \
 && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents {} /app \; \
 && cp package-lock.json .npmrc /app/

# All dependencies, installed once for both the build and the runtime.
FROM base AS deps
COPY --from=manifests /app/ ./
# npm install, not npm ci: the lockfile was made against a mirror that carries
# only the Linux builds of buf and turbo, which npm ci counts as out of sync.
RUN --mount=type=cache,target=/root/.npm npm install --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npx turbo run build
# What runs is each workspace's dist/ (prod-deps brings the package.json files).
RUN mkdir /out && find apps libs -mindepth 2 -maxdepth 2 -name dist -type d -exec cp -r --parents {} /out \;

# Production dependencies only: prune the full install (no second download).
FROM deps AS prod-deps
RUN npm prune --omit=dev

# The operating system and ports of each service: only the renderer carries Chromium
# (Debian's chromium-headless-shell: the same Chromium build without the browser's UI
# layers, ~6x faster to print) and tini, which reaps the Chromium processes that a
# crashed browser leaves behind (node as PID 1 does not).
FROM base AS os-receivables
EXPOSE 50051 9461
FROM base AS os-scheduler
EXPOSE 50052 9462
FROM base AS os-delivery
EXPOSE 50054 9464 2525 9474
FROM base AS os-renderer
EXPOSE 50053 9463 9473 9483
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium-headless-shell fonts-dejavu-core tini \
 && rm -rf /var/lib/apt/lists/*
ENTRYPOINT ["/usr/bin/tini", "--"]

# The image: an unknown APP fails here, with "os-<APP>" not found.
FROM os-${APP} AS runtime
ARG APP
ENV APP=${APP} \
    NODE_ENV=production
COPY --from=prod-deps /app/ ./
COPY --from=build /app/proto ./proto
COPY --from=build /out/libs ./libs
COPY --from=build /out/apps/${APP} ./apps/${APP}
# The image's own user (uid 1000), numeric so Kubernetes can verify runAsNonRoot.
USER 1000:1000
# Exec form does not expand variables, so a shell does it and then becomes node
# (exec), which receives SIGTERM itself and drains.
CMD ["/bin/sh", "-c", "exec node apps/${APP}/dist/main.js"]
