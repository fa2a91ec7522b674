# OneStop API image. Build from the repository root: docker build -t onestop-api .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/OneStop.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    OneStop__DataDirectory=/data
EXPOSE 8080
# The aspnet image has bash but no curl: ask /health/ready over a raw TCP socket.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=5 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n" >&3 && grep -q Healthy <&3'
ENTRYPOINT ["dotnet", "OneStop.Api.dll"]
