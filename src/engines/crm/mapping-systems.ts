import type { CrmCategory, CrmFieldType } from './fields.js';

export const CRM_SYSTEMS = ['hubspot', 'salesforce', 'pipedrive'] as const;
export type CrmSystem = (typeof CRM_SYSTEMS)[number];

/** A system's own name and type for one field; `fieldType` is HubSpot's display type. */
export interface SystemField {
  internalName: string;
  type: string;
  fieldType?: string;
}

interface SystemSpec {
  label: string;
  objects: Record<CrmCategory, string>;
  /** Standard properties by `Category.field_name`; every other field is created as a custom one. */
  standard: Record<string, SystemField>;
  custom: (name: string, type: CrmFieldType) => SystemField;
}

const HUBSPOT_TYPES: Record<CrmFieldType, [string, string]> = {
  text: ['string', 'text'],
  number: ['number', 'number'],
  currency: ['number', 'number'],
  date: ['date', 'date'],
  picklist: ['enumeration', 'select'],
  boolean: ['bool', 'booleancheckbox'],
  user: ['enumeration', 'select'],
  email: ['string', 'text'],
  phone: ['string', 'phonenumber'],
  url: ['string', 'text'],
};

const SALESFORCE_TYPES: Record<CrmFieldType, string> = {
  text: 'Text',
  number: 'Number',
  currency: 'Currency',
  date: 'Date',
  picklist: 'Picklist',
  boolean: 'Checkbox',
  user: 'Lookup(User)',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
};

const PIPEDRIVE_TYPES: Record<CrmFieldType, string> = {
  text: 'varchar',
  number: 'double',
  currency: 'monetary',
  date: 'date',
  picklist: 'enum',
  boolean: 'enum',
  user: 'user',
  email: 'varchar',
  phone: 'phone',
  url: 'varchar',
};

const hs = (internalName: string, type: string, fieldType: string): SystemField => ({
  internalName,
  type,
  fieldType,
});
const sf = (internalName: string, type: string): SystemField => ({ internalName, type });
const pd = sf;

/** Salesforce custom fields: `lead_score` → `Lead_Score__c`. */
export function salesforceCustomName(name: string): string {
  const words = name.split('_').filter(Boolean);
  return `${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('_')}__c`;
}

/** Each system's objects, standard properties and custom-field conventions. */
export const SYSTEMS: Record<CrmSystem, SystemSpec> = {
  hubspot: {
    label: 'HubSpot',
    objects: { Contact: 'contacts', Company: 'companies', Opportunity: 'deals', Activity: 'engagements' },
    standard: {
      'Contact.first_name': hs('firstname', 'string', 'text'),
      'Contact.last_name': hs('lastname', 'string', 'text'),
      'Contact.email': hs('email', 'string', 'text'),
      'Contact.phone': hs('phone', 'string', 'phonenumber'),
      'Contact.job_title': hs('jobtitle', 'string', 'text'),
      'Contact.company': hs('company', 'string', 'text'),
      'Contact.lead_status': hs('hs_lead_status', 'enumeration', 'radio'),
      'Contact.owner': hs('hubspot_owner_id', 'enumeration', 'select'),
      'Contact.created_at': hs('createdate', 'datetime', 'date'),
      'Contact.last_activity_at': hs('notes_last_updated', 'datetime', 'date'),
      'Company.name': hs('name', 'string', 'text'),
      'Company.domain': hs('domain', 'string', 'text'),
      'Company.industry': hs('industry', 'enumeration', 'select'),
      'Company.employee_count': hs('numberofemployees', 'number', 'number'),
      'Company.annual_revenue': hs('annualrevenue', 'number', 'number'),
      'Company.country': hs('country', 'string', 'text'),
      'Company.owner': hs('hubspot_owner_id', 'enumeration', 'select'),
      'Company.created_at': hs('createdate', 'datetime', 'date'),
      'Opportunity.name': hs('dealname', 'string', 'text'),
      'Opportunity.amount': hs('amount', 'number', 'number'),
      'Opportunity.stage': hs('dealstage', 'enumeration', 'radio'),
      'Opportunity.probability': hs('hs_deal_stage_probability', 'number', 'number'),
      'Opportunity.close_date': hs('closedate', 'datetime', 'date'),
      'Opportunity.owner': hs('hubspot_owner_id', 'enumeration', 'select'),
      'Opportunity.next_step': hs('hs_next_step', 'string', 'text'),
      'Opportunity.loss_reason': hs('closed_lost_reason', 'string', 'textarea'),
      'Opportunity.created_at': hs('createdate', 'datetime', 'date'),
      'Activity.type': hs('type', 'enumeration', 'select'),
      'Activity.occurred_at': hs('hs_timestamp', 'datetime', 'date'),
      'Activity.owner': hs('hubspot_owner_id', 'enumeration', 'select'),
    },
    custom: (name, type) => hs(name, ...HUBSPOT_TYPES[type]),
  },
  salesforce: {
    label: 'Salesforce',
    objects: { Contact: 'Contact', Company: 'Account', Opportunity: 'Opportunity', Activity: 'Task' },
    standard: {
      'Contact.first_name': sf('FirstName', 'Text'),
      'Contact.last_name': sf('LastName', 'Text'),
      'Contact.email': sf('Email', 'Email'),
      'Contact.phone': sf('Phone', 'Phone'),
      'Contact.job_title': sf('Title', 'Text'),
      'Contact.company': sf('AccountId', 'Lookup(Account)'),
      'Contact.lead_source': sf('LeadSource', 'Picklist'),
      'Contact.owner': sf('OwnerId', 'Lookup(User)'),
      'Contact.created_at': sf('CreatedDate', 'DateTime'),
      'Contact.last_activity_at': sf('LastActivityDate', 'Date'),
      'Company.name': sf('Name', 'Text'),
      'Company.domain': sf('Website', 'Url'),
      'Company.industry': sf('Industry', 'Picklist'),
      'Company.employee_count': sf('NumberOfEmployees', 'Number'),
      'Company.annual_revenue': sf('AnnualRevenue', 'Currency'),
      'Company.country': sf('BillingCountry', 'Text'),
      'Company.account_status': sf('Type', 'Picklist'),
      'Company.owner': sf('OwnerId', 'Lookup(User)'),
      'Company.created_at': sf('CreatedDate', 'DateTime'),
      'Opportunity.name': sf('Name', 'Text'),
      'Opportunity.company': sf('AccountId', 'Lookup(Account)'),
      'Opportunity.amount': sf('Amount', 'Currency'),
      'Opportunity.stage': sf('StageName', 'Picklist'),
      'Opportunity.probability': sf('Probability', 'Percent'),
      'Opportunity.close_date': sf('CloseDate', 'Date'),
      'Opportunity.owner': sf('OwnerId', 'Lookup(User)'),
      'Opportunity.lead_source': sf('LeadSource', 'Picklist'),
      'Opportunity.next_step': sf('NextStep', 'Text'),
      'Opportunity.stage_entered_at': sf('LastStageChangeDate', 'DateTime'),
      'Opportunity.created_at': sf('CreatedDate', 'DateTime'),
      'Activity.type': sf('Type', 'Picklist'),
      'Activity.subject': sf('Subject', 'Combobox'),
      'Activity.occurred_at': sf('ActivityDate', 'Date'),
      'Activity.owner': sf('OwnerId', 'Lookup(User)'),
      'Activity.related_to': sf('WhatId', 'Lookup(Opportunity,Account)'),
    },
    custom: (name, type) => sf(salesforceCustomName(name), SALESFORCE_TYPES[type]),
  },
  pipedrive: {
    label: 'Pipedrive',
    objects: { Contact: 'person', Company: 'organization', Opportunity: 'deal', Activity: 'activity' },
    standard: {
      'Contact.first_name': pd('first_name', 'varchar'),
      'Contact.last_name': pd('last_name', 'varchar'),
      'Contact.email': pd('email', 'varchar'),
      'Contact.phone': pd('phone', 'phone'),
      'Contact.job_title': pd('job_title', 'varchar'),
      'Contact.company': pd('org_id', 'org'),
      'Contact.owner': pd('owner_id', 'user'),
      'Contact.created_at': pd('add_time', 'date'),
      'Contact.last_activity_at': pd('last_activity_date', 'date'),
      'Company.name': pd('name', 'varchar'),
      'Company.owner': pd('owner_id', 'user'),
      'Company.created_at': pd('add_time', 'date'),
      'Opportunity.name': pd('title', 'varchar'),
      'Opportunity.company': pd('org_id', 'org'),
      'Opportunity.amount': pd('value', 'monetary'),
      'Opportunity.stage': pd('stage_id', 'stage'),
      'Opportunity.probability': pd('probability', 'double'),
      'Opportunity.close_date': pd('expected_close_date', 'date'),
      'Opportunity.owner': pd('user_id', 'user'),
      'Opportunity.loss_reason': pd('lost_reason', 'varchar'),
      'Opportunity.stage_entered_at': pd('stage_change_time', 'date'),
      'Opportunity.created_at': pd('add_time', 'date'),
      'Opportunity.closed_at': pd('close_time', 'date'),
      'Activity.type': pd('type', 'enum'),
      'Activity.subject': pd('subject', 'varchar'),
      'Activity.occurred_at': pd('due_date', 'date'),
      'Activity.owner': pd('user_id', 'user'),
      'Activity.related_to': pd('deal_id', 'deal'),
    },
    // Pipedrive replaces a custom field's key with a 40-character hash when it is created; the name is the label.
    custom: (name, type) => pd(name, PIPEDRIVE_TYPES[type]),
  },
};
