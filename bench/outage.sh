#!/bin/bash
# Storage outage by hand (issue 17): Azurite with data on disk on ports 21100-21102, the built DevHost (Release) on
# 127.0.0.1:21171; post, kill Azurite, post (expect 503 + time), wait, start Azurite, post (expect 202), check the
# queue trigger resumed (status classified). Build first: dotnet build src/DevHost -c Release.
set -u
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
export AZURITE_BLOB_PORT=21100 AZURITE_QUEUE_PORT=21101 AZURITE_TABLE_PORT=21102
scripts/azurite.sh stop $WORK/az.pid; rm -rf $WORK/az
scripts/azurite.sh start $WORK/az $WORK/az.pid
cd src/DevHost/bin/Release/net10.0 && export AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:21100/devstoreaccount1;QueueEndpoint=http://127.0.0.1:21101/devstoreaccount1;TableEndpoint=http://127.0.0.1:21102/devstoreaccount1;" DOTNET_ENVIRONMENT=Development
dotnet Grastorp.Intake.DevHost.dll --urls http://127.0.0.1:21171 > $WORK/devhost.log 2>&1 &
echo $! > $WORK/devhost.pid
for i in $(seq 40); do curl -s -o /dev/null http://127.0.0.1:21171/api/tips/X && break; sleep 1; done
P='{"text":"Det langas knark vid skolan på kvällarna."}'
curl -s -m 10 -H 'Content-Type: application/json' -d "$P" http://127.0.0.1:21171/api/tips; echo
sleep 4
cd "$OLDPWD"; scripts/azurite.sh stop $WORK/az.pid
curl -s -m 20 -o /dev/null -w '%{http_code} %{time_total}\n' -H 'Content-Type: application/json' -d "$P" http://127.0.0.1:21171/api/tips
sleep 25; kill -0 $(cat $WORK/devhost.pid) && echo ALIVE
scripts/azurite.sh start $WORK/az $WORK/az.pid; sleep 2
R=$(curl -s -m 10 -H 'Content-Type: application/json' -d "$P" http://127.0.0.1:21171/api/tips | sed 's/.*"reference":"\([A-Z0-9]*\)".*/\1/'); echo $R
sleep 10; curl -s http://127.0.0.1:21171/api/tips/$R; echo
grep -c 'classified as' $WORK/devhost.log
grep -v 'Host.Singleton\|Singleton lock renewal' $WORK/devhost.log | grep -A3 '^fail\|^warn' | cut -c1-200 | head -30
kill $(cat $WORK/devhost.pid); scripts/azurite.sh stop $WORK/az.pid
