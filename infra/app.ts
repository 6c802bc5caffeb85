/**
 * Entry point of the CDK app (`cdk.json` runs it with tsx). Configuration: see `LOKET_CONTEXT`.
 */
import { App } from 'aws-cdk-lib';
import { buildLoketApp } from './build-loket-app.js';

buildLoketApp(new App());
