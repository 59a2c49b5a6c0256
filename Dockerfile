# The kg service, for docker compose (see docker-compose.yml). It talks to
# the Neo4j given by NEO4J_URI and loads the bundled yearbook on first start.

# The graph explorer's bundle (explorer/dist), embedded by go build below.
FROM node:20-bookworm-slim AS explorer
WORKDIR /src/explorer
COPY explorer/package.json explorer/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY explorer/build.mjs ./
COPY explorer/src ./src
RUN mkdir -p dist && npm run build

FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=explorer /src/explorer/dist ./explorer/dist
RUN CGO_ENABLED=0 go build -trimpath -o /out/kg ./cmd/kg

FROM gcr.io/distroless/static-debian12
WORKDIR /app
COPY --from=build /out/kg /app/kg
COPY data /app/data
ENV PORT=8080 KG_YEARBOOK=/app/data/wuwei-2024.txt
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/app/kg", "serve"]
