import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

// The TypeORM CLI needs exactly one exported DataSource.
export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL));
