# syntax=docker/dockerfile:1
# CounselorSuite: one image holding the web app (the entrypoint; `--worker-only` runs the job worker,
# `seed-demo` seeds the demo practice) and the migrator in /migrator. See docker-compose.yml.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that a code change reuses the package layer.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/CounselorSuite.Web/CounselorSuite.Web.csproj src/CounselorSuite.Web/
COPY src/CounselorSuite.Documents/CounselorSuite.Documents.csproj src/CounselorSuite.Documents/
COPY migrations/CounselorSuite.Migrations/CounselorSuite.Migrations.csproj migrations/CounselorSuite.Migrations/
RUN dotnet restore src/CounselorSuite.Web/CounselorSuite.Web.csproj \
 && dotnet restore migrations/CounselorSuite.Migrations/CounselorSuite.Migrations.csproj
COPY . .
RUN dotnet publish src/CounselorSuite.Web/CounselorSuite.Web.csproj -c Release -o /out/web -p:UseAppHost=false \
 && dotnet publish migrations/CounselorSuite.Migrations/CounselorSuite.Migrations.csproj -c Release -o /out/migrator -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# PDFs are drawn with the DejaVu fonts (/usr/share/fonts/truetype/dejavu).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/web/ /app/
COPY --from=build /out/migrator/ /migrator/
RUN mkdir -p /data/mail /data/note-keys && chown -R "$APP_UID" /data
ENV ASPNETCORE_HTTP_PORTS=5080 \
    ASPNETCORE_ENVIRONMENT=Production \
    Mail__PickupDirectory=/data/mail
# The base image's non-root user "app".
USER $APP_UID
EXPOSE 5080
ENTRYPOINT ["dotnet", "/app/CounselorSuite.Web.dll"]
