# One image recipe for both services, from the repository root:
#   docker build -t onestop-api .
#   docker build -t onestop-portal --build-arg PROJECT=src/OneStop.NationalPortal.Host \
#     --build-arg ASSEMBLY=OneStop.NationalPortal.Host --build-arg HEALTH_PATH=/health/live .
ARG PROJECT=src/OneStop.Api
ARG ASSEMBLY=OneStop.Api
ARG HEALTH_PATH=/health/ready

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG PROJECT
WORKDIR /src
COPY . .
# CI runs this same publish command (.ci/run) since no Docker engine runs on our build machines.
RUN dotnet publish ${PROJECT} -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG ASSEMBLY
ARG HEALTH_PATH
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    OneStop__DataDirectory=/data \
    APP_ASSEMBLY=${ASSEMBLY}.dll \
    HEALTH_PATH=${HEALTH_PATH}
EXPOSE 8080
# The aspnet image has bash but no curl: ask the health endpoint over a raw TCP socket.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET $HEALTH_PATH HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q Healthy <&3'
ENTRYPOINT ["sh", "-c", "exec dotnet \"$APP_ASSEMBLY\""]
