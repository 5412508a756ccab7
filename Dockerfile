# Multi-stage build: a static registry binary on a distroless base, run as
# a non-root user.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/registry ./cmd/registry

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/registry /usr/local/bin/registry
USER nonroot:nonroot
ENV REGISTRY_ADDR=:8080
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/registry"]
CMD ["serve"]
